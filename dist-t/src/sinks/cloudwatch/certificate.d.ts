/** A certificate authority made for one sink and the server certificate it signed. */
export interface SinkCertificate {
    /** The CA certificate (PEM): what a client must trust. */
    caPem: string;
    /** The server's certificate (PEM) and private key (PEM). */
    certPem: string;
    keyPem: string;
}
/**
 * Makes a fresh CA and a server certificate it signs, for `localhost`, 127.0.0.1, ::1 and `extraNames`
 * (DNS names, `*.x` wildcards allowed). A CA plus a leaf, not one self-signed certificate, because
 * clients such as OpenSSL-based ones refuse a self-signed leaf that is also marked as a CA. EC P-256
 * keys keep it fast (a few ms); valid from a day ago (clock skew) for a year.
 */
export declare function makeSinkCertificate(extraNames?: readonly string[]): Promise<SinkCertificate>;
