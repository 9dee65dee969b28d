//! An [`ActivityQuery`] as the query of Backlog's activity lists (space,
//! project and user activities share it).

use super::params::Params;
use crate::domain::activity::ActivityQuery;

pub fn activity_params(query: &ActivityQuery) -> Params {
    let mut params = Params::new();
    params
        .push_array("activityTypeId", &query.type_ids)
        .push_opt("minId", query.min_id)
        .push_opt("maxId", query.max_id)
        .push("count", query.count.get())
        .push("order", query.order.as_str());
    params
}
