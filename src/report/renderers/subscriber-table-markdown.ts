import type { ReportModel } from '../model.js';
import { mdTable } from './markdown-table.js';
import { subscriberTableHead, SUBSCRIBER_TABLE_TITLE, subscriberTableRows } from './subscriber-rows.js';

/** The broker's subscriber table for report.md; nothing when the run has no subscriber figures. */
export function subscriberTableMarkdown(model: ReportModel): string[] {
  if (!model.subscribers) return [];
  return ['### Fast subscribers', '', SUBSCRIBER_TABLE_TITLE, '', ...mdTable(subscriberTableHead(model.subscribers), subscriberTableRows(model.subscribers)), ''];
}
