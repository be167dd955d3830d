import { issueCertificate } from '../ca/certificate-builder';

/** A TLS CA and a server certificate for 127.0.0.1/localhost, generated for one peer. */
export interface TlsMaterial {
  /** PEM of the CA that signed the server certificate: what a client trusts. */
  readonly rootCert: Buffer;
  readonly serverCert: Buffer;
  readonly serverKey: Buffer;
}

export function createTlsMaterial(): TlsMaterial {
  const ca = issueCertificate({
    subject: [
      { type: 'C', value: 'US' },
      { type: 'ST', value: 'North Carolina' },
      { type: 'O', value: 'Hyperledger' },
      { type: 'CN', value: 'tlsca.dev-peer' },
    ],
    isCa: true,
    validDays: 30,
  });
  const server = issueCertificate(
    {
      subject: [
        { type: 'C', value: 'US' },
        { type: 'ST', value: 'North Carolina' },
        { type: 'O', value: 'Hyperledger' },
        { type: 'CN', value: 'localhost' },
      ],
      isCa: false,
      tlsServer: true,
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
      validDays: 30,
    },
    ca,
  );
  return {
    rootCert: Buffer.from(ca.pem),
    serverCert: Buffer.from(server.pem),
    serverKey: Buffer.from(server.key.privateKeyPem),
  };
}
