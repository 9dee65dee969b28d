//! What happens to one request, in order: record → latency → scripted fault → auth →
//! rate limit → route → rate-limit headers (and the "insert issues after N list
//! requests" hook).

use crate::errors::ApiError;
use crate::faults::Fault;
use crate::params::{Params, decode};
use crate::rate_limit::{Bucket, RateState};
use crate::recording::RecordedRequest;
use crate::server::Shared;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode, header};
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use std::sync::Arc;
use tower_service::Service;

/// Returned by the service to make hyper close the connection without answering.
#[derive(Debug)]
pub(crate) struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by a scripted fault")
    }
}

impl std::error::Error for DropConnection {}

pub(crate) async fn handle(
    shared: Arc<Shared>,
    mut router: Router,
    req: Request<Incoming>,
) -> Result<Response<Body>, DropConnection> {
    let (parts, body) = req.into_parts();
    let bytes = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let raw_query = parts.uri.query().unwrap_or("").to_owned();
    let query = Params::parse(&raw_query);
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let form = if is_form { decode(&bytes) } else { Vec::new() };
    shared.log.record(RecordedRequest {
        method: method.clone(),
        path: path.clone(),
        query: query.pairs().to_vec(),
        raw_query,
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        form: form.clone(),
    });

    let latency = shared.faults().latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let fault = shared.faults().take(&method, &path);
    match fault {
        Some(Fault::Drop) => return Err(DropConnection),
        Some(Fault::Status {
            status,
            body,
            content_type,
            headers,
        }) => return Ok(scripted(status, body, &content_type, &headers)),
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        None => {}
    }

    let bucket = Bucket::classify(&method, &path);
    if !authorized(&shared.api_key, &parts.headers, &query) {
        let state = shared.limits().peek(bucket);
        return Ok(with_rate_headers(
            ApiError::authentication().into_response(),
            state,
        ));
    }
    let taken = shared.limits().take(bucket);
    let state = match taken {
        Ok(state) => state,
        Err(state) => {
            let refused = ApiError::too_many_requests().into_response();
            return Ok(with_rate_headers(refused, state));
        }
    };

    let is_issue_list = method == "GET" && path == "/api/v2/issues";
    let form = Params::write(&query, form);
    let mut request = Request::from_parts(parts, Body::from(bytes));
    request.extensions_mut().insert(Arc::new(query));
    request.extensions_mut().insert(Arc::new(form));
    let response = match router.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    if is_issue_list {
        let due = shared.faults().list_request_done();
        if !due.is_empty() {
            crate::facade::inserted::insert(&shared.model, due).await;
        }
    }
    Ok(with_rate_headers(response, state))
}

/// The key may come in the `Backlog-API-Key` header (any case) or the `apiKey` query
/// parameter; either one being right is enough.
fn authorized(api_key: &str, headers: &HeaderMap, query: &Params) -> bool {
    let by_header = headers
        .get_all("backlog-api-key")
        .iter()
        .any(|v| v.as_bytes() == api_key.as_bytes());
    let by_query = query
        .pairs()
        .iter()
        .any(|(k, v)| k == "apiKey" && v == api_key);
    by_header || by_query
}

fn with_rate_headers(mut response: Response<Body>, state: RateState) -> Response<Body> {
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(state.limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(state.remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(state.reset));
    response
}

fn scripted(
    status: u16,
    body: String,
    content_type: &str,
    headers: &[(String, String)],
) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let map = response.headers_mut();
    if !content_type.is_empty()
        && let Ok(v) = HeaderValue::from_str(content_type)
    {
        map.insert(header::CONTENT_TYPE, v);
    }
    for (name, value) in headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            map.append(n, v);
        }
    }
    response
}
