//! Stars a user received.

use super::served_by_space::served_by_space;
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::calendar_date::{CalendarDate, DateRange};
use crate::domain::ids::UserId;
use crate::ports::StarRepository;

impl Space {
    /// Stars received on the days of the range (inclusive, days in UTC).
    pub(super) fn received_star_count(
        &self,
        user: UserId,
        range: &DateRange,
    ) -> Result<u64, BacklogError> {
        self.known_user(user)?;
        let count = self
            .stars
            .iter()
            .filter(|s| s.receiver == user)
            .filter(|s| range.contains(CalendarDate::from_naive(s.created.date_naive())))
            .count();
        Ok(u64::try_from(count).unwrap_or(u64::MAX))
    }
}

served_by_space!(StarRepository {
    read received_star_count(user: UserId, range: &DateRange) -> u64;
});
