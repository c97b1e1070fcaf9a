/**
 * Backing beans and servlets of the reviewers' pages (/review/*, role REVIEWER): the review queue,
 * the review of an order with its documents, and the documents' images.
 */
package cn.cwca.portal.web.review;
