// A throwaway CA and a serving certificate for 127.0.0.1, made at every start.
// Node's crypto makes the RSA keys (fast, native); node-forge writes the X.509 structures,
// which Node cannot. Go's TLS (kubectl) requires the IP in subjectAltName, not the CN.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface ServingCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
}

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; privatePem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privatePem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), privatePem };
}

function newCertificate(publicKey: forge.pki.rsa.PublicKey, commonName: string, validDays: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive, minimally encoded DER INTEGER: the first byte in 0x01..0x7f. (A leading
  // 0x00 before a byte below 0x80 is "illegal padding" to OpenSSL 3, which then refuses
  // the certificate about half the time.)
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 1) & 0x7f) || 0x01;
  cert.serialNumber = serial.toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + validDays * 24 * 60 * 60 * 1000);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  return cert;
}

export function generateServingCertificates(host = '127.0.0.1'): ServingCertificates {
  const ca = newKeyPair();
  const caCert = newCertificate(ca.publicKey, 'driftline-emulator-ca', 365);
  caCert.setIssuer(caCert.subject.attributes);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = newKeyPair();
  const serverCert = newCertificate(server.publicKey, 'kube-apiserver', 365);
  serverCert.setIssuer(caCert.subject.attributes);
  serverCert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: host }, { type: 2, value: 'localhost' }] },
  ]);
  serverCert.sign(ca.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(caCert),
    certPem: forge.pki.certificateToPem(serverCert),
    keyPem: server.privatePem,
  };
}
