-- The catalogue edited on the administrators' screens (issue 13, 目录维护): every existing row is kept. Rows that
-- orders or the rules point to are retired, never deleted; each edited row carries an optimistic-locking version.

-- Prices: a change is a new row from a Beijing date (applies_from); an order keeps the amount it was submitted
-- with (certificate_application.price), so no order reads this table after submission. applicant_type says whom
-- a row is for ('BOTH', or one account type); where rows for both and for the applicant's own type apply from the
-- same day, the applicant's own wins. The seeded rows apply to both from the start.
alter table price_entry drop constraint price_entry_uk;
alter table price_entry add column applicant_type varchar(20) not null default 'BOTH';
alter table price_entry add column applies_from date not null default date '2000-01-01';
alter table price_entry add column retired boolean not null default false;
alter table price_entry add column version bigint not null default 0;
alter table price_entry add constraint price_entry_applicant_ck check
    (applicant_type in ('BOTH', 'NATURAL_PERSON', 'ORGANISATION'));
create unique index price_entry_uk on price_entry (service_type, further_key, years, applicant_type, applies_from)
    where not retired;

-- 办理点: opening hours, telephone, and whether it ships keys (邮寄) or hands them over (自取); a retired point is
-- offered no more, and the orders that name it keep its name and address (copied on submission).
alter table handling_point add column hours varchar(100) not null default '';
alter table handling_point add column phone varchar(30) not null default '';
alter table handling_point add column ships boolean not null default true;
alter table handling_point add column hands_over boolean not null default true;
alter table handling_point add column retired boolean not null default false;
alter table handling_point add column version bigint not null default 0;
alter table handling_point add constraint handling_point_serves_ck check (ships or hands_over);
-- 宁夏银川 only ships further keys (V3's pickup options).
update handling_point set hands_over = false where code = 'NX_YINCHUAN';

-- Pickup rules: a retired option is offered no more; re-adding the same one reinstates it.
alter table pickup_option add column retired boolean not null default false;
alter table pickup_option add column version bigint not null default 0;

-- Document requirements: a retired row is a document no longer asked for; setting it again reinstates it.
alter table document_requirement add column retired boolean not null default false;
alter table document_requirement add column version bigint not null default 0;

-- The texts applicants read, edited by the administrators; seeded with the resource bundle's text of V15.
create table portal_text (
    text_key   varchar(40)   not null,
    content    varchar(4000) not null,
    version    bigint        not null default 0,
    updated_at timestamp,
    updated_by varchar(64),
    constraint portal_text_pk primary key (text_key),
    constraint portal_text_key_ck check (text_key in ('STATEMENT', 'COURIER_EXPLANATION', 'COURIER_NOTE',
        'PICKUP_EXPLANATION', 'PICKUP_NOTE', 'SELF_SERVICE_EXPLANATION', 'SELF_SERVICE_NOTE',
        'CUSTOMER_SERVICE_PHONE'))
);

insert into portal_text (text_key, content) values
    ('STATEMENT', E'本单位（个人）承诺在办理“数字证书及电子签章”的过程中，所递交的材料、电子签章申请表和提供的公章、法人印章、法人手写签名是真实、无误、合法的。\n以上所填信息及相关资料完全真实有效，接受由此颁发的数字证书，同意接受《数字证书用户责任书》。\n本单位（个人）全权委托上述办理人处理数字证书服务申请的相关事宜，因上述材料所产生的法律后果，由本单位（个人）自行承担。'),
    ('COURIER_EXPLANATION', E'1、取证方式：选择“邮寄-收方付”，表示自助办理将通过顺丰快递公司向您快递“到付件”，即您收到自助办理快递时，需要向“快递小哥”支付快递费用。\n2、因为顺丰快递公司造成的邮件丢失，自助办理郑重承诺，不收取您任何费用，自行承担“CA锁（数字证书）”本身的费用，同时会重新邮寄“CA锁（数字证书）”，但给您造成投标活动等方面的任何损失自助办理和快递公司均不承担任何责任。'),
    ('COURIER_NOTE', E'注意：1、为确保快递顺利送达，用户填写此页面信息需要自行核实，确保无误后提交进行下一步。2、收到CA后进入自助办理系统，点击进度查询，点击签收确认收货。'),
    ('PICKUP_EXPLANATION', E'取证方式：选择“自取”，请正确填写到达现场领取KEY的取证人信息，选择取证地址。支付成功后（首次免费），当订单状态为“未领取”时方可取证，取证时请携带身份证原件。'),
    ('PICKUP_NOTE', E'注意：为确保顺利取证，请据实填写取证人信息，需现场核对信息后取证。'),
    ('SELF_SERVICE_EXPLANATION', E'取证方式：选择“自助”，在左侧菜单进度查询中，当申请单审核状态为“通过”时，插KEY点击制证，可自助制证。'),
    ('SELF_SERVICE_NOTE', E'自助即用户自己在控件下载处下载安装好控件后插锁，在进度查询里点击审核通过的记录后面的制证按钮制证。'),
    ('CUSTOMER_SERVICE_PHONE', E'4007-188588');
