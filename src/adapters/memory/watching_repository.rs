use super::MemoryBacklog;
use crate::ports::WatchingRepository;
use async_trait::async_trait;

#[async_trait]
impl WatchingRepository for MemoryBacklog {}
