package cn.cwca.portal.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads from an OCSP request (RFC 6960 section 4.1.1) what its answer depends on, without a full
 * ASN.1 parser: the DER of its requestList (the certificate ids asked about) and whether it carries
 * a nonce, whose echo is the only part of an answer that differs between requests for the same
 * certificates. Requests that are not DER of that shape give nothing; the CA reads them in full.
 */
final class OcspRequests {

  /** What a request asks. */
  record Asked(byte[] certificates, boolean nonce) {}

  /** The DER of the OID id-pkix-ocsp-nonce, 1.3.6.1.5.5.7.48.1.2. */
  private static final byte[] NONCE_OID = {
    0x06, 0x09, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02
  };

  private static final int SEQUENCE = 0x30;
  private static final int VERSION = 0xa0;
  private static final int REQUESTOR_NAME = 0xa1;
  private static final int REQUEST_EXTENSIONS = 0xa2;

  private OcspRequests() {}

  /**
   * OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT OPTIONAL };
   * TBSRequest ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, requestorName [1] EXPLICIT OPTIONAL,
   * requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }.
   */
  static Optional<Asked> read(byte[] der) {
    try {
      Tlv request = Tlv.at(der, 0, der.length);
      if (request.tag() != SEQUENCE || request.end() != der.length) {
        return Optional.empty();
      }
      Tlv tbs = Tlv.at(der, request.content(), request.end());
      if (tbs.tag() != SEQUENCE) {
        return Optional.empty();
      }
      Tlv next = Tlv.at(der, tbs.content(), tbs.end());
      if (next.tag() == VERSION) {
        next = Tlv.at(der, next.end(), tbs.end());
      }
      if (next.tag() == REQUESTOR_NAME) {
        next = Tlv.at(der, next.end(), tbs.end());
      }
      if (next.tag() != SEQUENCE || next.content() == next.end()) {
        return Optional.empty();
      }
      byte[] certificates = Arrays.copyOfRange(der, next.start(), next.end());
      boolean nonce = false;
      if (next.end() < tbs.end()) {
        Tlv extensions = Tlv.at(der, next.end(), tbs.end());
        if (extensions.tag() != REQUEST_EXTENSIONS || extensions.end() != tbs.end()) {
          return Optional.empty();
        }
        nonce = contains(der, extensions.content(), extensions.end(), NONCE_OID);
      }
      return Optional.of(new Asked(certificates, nonce));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean contains(byte[] der, int from, int to, byte[] wanted) {
    for (int i = from; i + wanted.length <= to; i++) {
      if (Arrays.equals(der, i, i + wanted.length, wanted, 0, wanted.length)) {
        return true;
      }
    }
    return false;
  }

  /** One DER tag-length-value with a one-octet tag: where it starts, its content and its end. */
  private record Tlv(int tag, int start, int content, int end) {

    /** The TLV at {@code at}, which must end by {@code limit}. */
    static Tlv at(byte[] der, int at, int limit) {
      if (at + 2 > limit) {
        throw new IllegalArgumentException("truncated");
      }
      int tag = der[at] & 0xff;
      int first = der[at + 1] & 0xff;
      int content = at + 2;
      long length = first;
      if (first > 0x80 && first <= 0x84) {
        int octets = first & 0x7f;
        if (content + octets > limit) {
          throw new IllegalArgumentException("truncated");
        }
        length = 0;
        for (int i = 0; i < octets; i++) {
          length = (length << 8) | (der[content + i] & 0xff);
        }
        content += octets;
      } else if (first >= 0x80) {
        throw new IllegalArgumentException("indefinite or too long");
      }
      if (content + length > limit) {
        throw new IllegalArgumentException("truncated");
      }
      return new Tlv(tag, at, content, (int) (content + length));
    }
  }
}
