//! Progress notifications to the client that asked for them.

use crate::ports::{Progress, ProgressReporter};
use async_trait::async_trait;
use rmcp::model::{ProgressNotificationParam, ProgressToken};
use rmcp::{Peer, RoleServer};

pub struct PeerProgress {
    pub peer: Peer<RoleServer>,
    pub token: ProgressToken,
}

#[async_trait]
impl ProgressReporter for PeerProgress {
    async fn report(&self, progress: Progress) {
        #[allow(clippy::cast_precision_loss)] // page counts are far below 2^52
        let mut param = ProgressNotificationParam::new(self.token.clone(), progress.done as f64);
        if let Some(total) = progress.total {
            #[allow(clippy::cast_precision_loss)]
            let total = total as f64;
            param = param.with_total(total);
        }
        if let Some(message) = progress.message {
            param = param.with_message(message);
        }
        if let Err(error) = self.peer.notify_progress(param).await {
            tracing::debug!(%error, "progress notification not delivered");
        }
    }
}
