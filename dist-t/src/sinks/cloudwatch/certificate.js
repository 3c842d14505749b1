import { generate } from 'selfsigned';
/** Names every sink certificate covers: the loopback addresses the sink may listen on. */
const LOOPBACK_NAMES = ['localhost'];
const LOOPBACK_IPS = ['127.0.0.1', '::1'];
const DAY_MS = 86_400_000;
/**
 * Makes a fresh CA and a server certificate it signs, for `localhost`, 127.0.0.1, ::1 and `extraNames`
 * (DNS names, `*.x` wildcards allowed). A CA plus a leaf, not one self-signed certificate, because
 * clients such as OpenSSL-based ones refuse a self-signed leaf that is also marked as a CA. EC P-256
 * keys keep it fast (a few ms); valid from a day ago (clock skew) for a year.
 */
export async function makeSinkCertificate(extraNames = []) {
    const notBeforeDate = new Date(Date.now() - DAY_MS);
    const notAfterDate = new Date(Date.now() + 365 * DAY_MS);
    const ca = await generate([{ name: 'commonName', value: 'duress mock sink CA' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        notBeforeDate,
        notAfterDate,
        extensions: [
            { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
            { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        ],
    });
    const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        notBeforeDate,
        notAfterDate,
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
            { name: 'basicConstraints', cA: false },
            { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
            { name: 'extKeyUsage', serverAuth: true },
            {
                name: 'subjectAltName',
                altNames: [
                    ...[...LOOPBACK_NAMES, ...extraNames].map((value) => ({ type: 2, value })),
                    ...LOOPBACK_IPS.map((ip) => ({ type: 7, ip })),
                ],
            },
        ],
    });
    return { caPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}
//# sourceMappingURL=certificate.js.map