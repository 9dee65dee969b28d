use super::client::HttpBacklog;
use crate::ports::SpaceRepository;
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for HttpBacklog {}
