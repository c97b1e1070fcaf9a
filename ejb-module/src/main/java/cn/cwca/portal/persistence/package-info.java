/**
 * The database schema: versioned Flyway migrations applied once at start-up, before any service
 * runs.
 */
package cn.cwca.portal.persistence;
