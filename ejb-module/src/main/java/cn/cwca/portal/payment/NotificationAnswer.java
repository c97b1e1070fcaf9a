package cn.cwca.portal.payment;

/** The HTTP answer to a provider's notification, as that provider expects it. */
public record NotificationAnswer(int status, String contentType, String body) {}
