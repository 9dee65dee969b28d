//! HTTPS (feature `tls`): a rustls client that trusts only the written `cert.pem`.

use fake_backlog::{FakeBacklog, Model};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore, crypto::ring::default_provider};

#[tokio::test]
async fn https_with_the_written_ca() {
    let dir = std::env::temp_dir().join(format!("fake-backlog-tls-{}", std::process::id()));
    let server = FakeBacklog::start_tls(Model::demo(), 0, &dir)
        .await
        .unwrap();
    assert!(server.base_url().starts_with("https://127.0.0.1:"));

    let ca = CertificateDer::from_pem_file(dir.join("cert.pem")).unwrap();
    let mut roots = RootCertStore::empty();
    roots.add(ca).unwrap();
    let config = ClientConfig::builder_with_provider(Arc::new(default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    for host in ["127.0.0.1", "localhost"] {
        let tcp = tokio::net::TcpStream::connect(server.base_url().trim_start_matches("https://"))
            .await
            .unwrap();
        let name = ServerName::try_from(host.to_owned()).unwrap();
        let mut tls = connector.connect(name, tcp).await.unwrap();
        let request = format!(
            "GET /api/v2/space HTTP/1.1\r\nHost: {host}\r\nBacklog-API-Key: {}\r\nConnection: close\r\n\r\n",
            server.api_key()
        );
        tls.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        tls.read_to_string(&mut answer).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
        assert!(answer.contains(r#""spaceKey":"demo""#));
    }
    let _ = std::fs::remove_dir_all(dir);
}
