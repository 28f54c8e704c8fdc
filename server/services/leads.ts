// Leads as visitors leave them: one builder for both forms (callback request, business card
// for the materials) and one way to accept a lead: durable first, then counted and announced.
import { randomUUID } from 'node:crypto';
import type { BusinessCard, CallbackRequest, Lead } from '../../shared/leads.ts';
import type { EventBus } from '../events/bus.ts';
import type { LeadStore } from '../storage/storage.ts';
import type { StandAnalyticsService } from './analytics.ts';

export type LeadForm = { kind: 'callback'; callback: Omit<CallbackRequest, 'consent'> } | { kind: 'card'; card: BusinessCard };

/** A new lead of an exhibitor from a form; cards start with their materials e-mail queued. */
export function newLead(exhibitorId: string, standId: string | undefined, form: LeadForm, now: Date = new Date()): Lead {
  const createdAt = now.toISOString();
  return {
    id: randomUUID(),
    exhibitorId,
    ...(standId !== undefined ? { standId } : {}),
    createdAt,
    status: 'new',
    note: '',
    ...(form.kind === 'callback'
      ? { kind: 'callback', callback: form.callback }
      : { kind: 'card', card: form.card, mail: { status: 'queued', attempts: 0, updatedAt: createdAt } }),
  };
}

export class LeadService {
  constructor(
    private readonly store: LeadStore,
    private readonly analytics: StandAnalyticsService,
    private readonly bus: EventBus,
  ) {}

  /** Resolves once the lead is on disk: only then may the visitor hear "sent". */
  async accept(lead: Lead): Promise<void> {
    await this.store.addLead(lead);
    await this.analytics.recordLead(lead.exhibitorId, new Date(lead.createdAt));
    this.bus.publish('lead', { change: 'created', lead });
  }
}
