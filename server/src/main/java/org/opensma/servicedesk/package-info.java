/**
 * The service desk: queues with their statuses, priorities, impacts, categories and field
 * layout, tickets with their history, attachments, approvals and e-mail notifications.
 */
package org.opensma.servicedesk;
