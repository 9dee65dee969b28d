use super::MemoryBacklog;
use crate::ports::SpaceRepository;
use async_trait::async_trait;

#[async_trait]
impl SpaceRepository for MemoryBacklog {}
