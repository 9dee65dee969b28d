//! HTTPS for the `tls` feature: a throw-away CA and a server certificate for
//! `127.0.0.1` and `localhost`, made fresh at every start.
//!
//! The CA (not the server certificate) is written to `cert.pem`: clients that verify
//! chains strictly (OpenSSL in Node via `NODE_EXTRA_CA_CERTS`, webpki in rustls) want
//! a real CA as trust anchor rather than a self-signed leaf.

use crate::server::Acceptor;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose,
};
use std::io;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpStream;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::crypto::ring::default_provider;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

#[derive(Clone)]
pub(crate) struct TlsAcceptor(tokio_rustls::TlsAcceptor);

fn other(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

fn named(common_name: &str, params: &mut CertificateParams) {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    params.distinguished_name = dn;
}

impl TlsAcceptor {
    /// Makes the CA and server certificate, writes `cert_dir/cert.pem` (the CA).
    pub fn generate(cert_dir: &Path) -> io::Result<TlsAcceptor> {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(other)?;
        named("fake-backlog test CA", &mut ca_params);
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().map_err(other)?)
            .map_err(other)?;

        let mut params =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .map_err(other)?;
        named("fake-backlog", &mut params);
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let key = KeyPair::generate().map_err(other)?;
        let cert = params.signed_by(&key, &ca).map_err(other)?;

        std::fs::create_dir_all(cert_dir)?;
        std::fs::write(cert_dir.join("cert.pem"), ca.pem())?;

        let mut config = ServerConfig::builder_with_provider(Arc::new(default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(other)?
            .with_no_client_auth()
            .with_single_cert(
                vec![cert.der().clone(), ca.der().clone()],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
            )
            .map_err(other)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(TlsAcceptor(tokio_rustls::TlsAcceptor::from(Arc::new(
            config,
        ))))
    }
}

impl Acceptor for TlsAcceptor {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;

    async fn accept(&self, stream: TcpStream) -> io::Result<Self::Io> {
        self.0.accept(stream).await
    }
}
