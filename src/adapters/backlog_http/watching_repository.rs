use super::client::HttpBacklog;
use crate::ports::WatchingRepository;
use async_trait::async_trait;

#[async_trait]
impl WatchingRepository for HttpBacklog {}
