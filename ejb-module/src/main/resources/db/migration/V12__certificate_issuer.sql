-- Issuing-CA rollover: every issued certificate and every CRL records the issuing CA that signed it, by that CA's
-- key id (its subject key identifier, the authority key identifier of what it signs, in lower-case hex), so that
-- CRLs and OCSP answers are signed per issuing CA and the certificates of an earlier issuing CA stay checkable
-- after a new one has taken over. Null means the current issuing CA: only rows whose DER has no authority key
-- identifier keep it, and this CA writes one into everything it signs.

alter table issued_certificate add column issuer_key_id varchar(128);
alter table crl add column issuer_key_id varchar(128);

-- The keyIdentifier of the authority key identifier extension (2.5.29.35) of a certificate or CRL:
-- 06 03 55 1d 23, an optional critical BOOLEAN (01 01 ff), then OCTET STRING { SEQUENCE { [0] keyIdentifier } }
-- with short lengths. Null when the DER has no such extension or it is not of that form.
create function pg_temp.authority_key_id(der bytea) returns varchar
language plpgsql immutable as $$
declare
    at integer := position(decode('0603551d23', 'hex') in der);
begin
    if at = 0 then
        return null;
    end if;
    at := at + 5;
    if get_byte(der, at - 1) = 1 then
        at := at + 3;
    end if;
    if get_byte(der, at - 1) <> 4 or get_byte(der, at + 1) <> 48 or get_byte(der, at + 3) <> 128 then
        return null;
    end if;
    return encode(substring(der from at + 6 for get_byte(der, at + 4)), 'hex');
end
$$;

update issued_certificate set issuer_key_id = pg_temp.authority_key_id(der);
update crl set issuer_key_id = pg_temp.authority_key_id(der);

drop function pg_temp.authority_key_id(bytea);

-- The revocations of one issuing CA (its CRL), and its latest CRL.
create index issued_certificate_issuer_revoked_idx on issued_certificate (issuer_key_id, revoked_at)
    where status = 'REVOKED';
create index crl_issuer_idx on crl (issuer_key_id, crl_number desc);
