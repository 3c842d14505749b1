import Table from 'cli-table3';
import type { ReportModel } from '../model.js';
import { subscriberTableHead, SUBSCRIBER_TABLE_TITLE, subscriberTableRows } from './subscriber-rows.js';

/** The broker's subscriber table for the terminal; nothing when the run has no subscriber figures. */
export function subscriberTableTerminal(model: ReportModel, style: { head: string[]; border: string[]; compact: boolean }): string[] {
  if (!model.subscribers) return [];
  const t = new Table({ head: subscriberTableHead(model.subscribers), style });
  for (const row of subscriberTableRows(model.subscribers)) t.push(row);
  return [SUBSCRIBER_TABLE_TITLE, t.toString()];
}
