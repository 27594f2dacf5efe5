// The moves of a need of technical assistance: open → matched (with an offer) → delivered, withdrawal from
// open or matched, and each illegal move refused with its reason.
import { describe, expect, it } from 'vitest';
import { canMoveNeed, moveNeed, withdrawOffer } from './assistance.js';
import { aNeed, anOffer } from './testing/assistance-factories.js';

describe('moving a need', () => {
  it('matches an open need with the chosen offer', () => {
    expect(moveNeed(aNeed(), { to: 'matched', offerId: 'offer-7' })).toEqual({
      allowed: true,
      need: aNeed({ status: 'matched', matchedOfferId: 'offer-7' }),
    });
  });

  it('refuses to match an open need without a chosen offer', () => {
    expect(moveNeed(aNeed(), { to: 'matched', offerId: null })).toMatchObject({
      allowed: false,
      reason: 'offer_required',
    });
  });

  it('marks a matched need delivered, keeping the offer that met it', () => {
    const matched = aNeed({ status: 'matched', matchedOfferId: 'offer-7' });
    expect(moveNeed(matched, { to: 'delivered' })).toEqual({
      allowed: true,
      need: aNeed({ status: 'delivered', matchedOfferId: 'offer-7' }),
    });
  });

  it('refuses to deliver a need that was never matched', () => {
    const result = moveNeed(aNeed(), { to: 'delivered' });
    expect(result).toMatchObject({ allowed: false, reason: 'not_matched' });
    expect(result.allowed ? '' : result.explanation).toMatch(/matched with an offer/);
  });

  it('refuses to match a need twice', () => {
    const matched = aNeed({ status: 'matched', matchedOfferId: 'offer-7' });
    expect(moveNeed(matched, { to: 'matched', offerId: 'offer-8' })).toMatchObject({
      allowed: false,
      reason: 'not_open',
    });
  });

  it('withdraws an open or a matched need', () => {
    expect(moveNeed(aNeed(), { to: 'withdrawn' })).toMatchObject({
      allowed: true,
      need: { status: 'withdrawn' },
    });
    const matched = aNeed({ status: 'matched', matchedOfferId: 'offer-7' });
    expect(moveNeed(matched, { to: 'withdrawn' })).toMatchObject({
      allowed: true,
      need: { status: 'withdrawn' },
    });
  });

  it('refuses every move of a delivered need', () => {
    const delivered = aNeed({ status: 'delivered', matchedOfferId: 'offer-7' });
    for (const move of [
      { to: 'matched', offerId: 'offer-8' },
      { to: 'delivered' },
      { to: 'withdrawn' },
    ] as const)
      expect(moveNeed(delivered, move)).toMatchObject({ allowed: false, reason: 'delivered_is_final' });
  });

  it('refuses every move of a withdrawn need', () => {
    const withdrawn = aNeed({ status: 'withdrawn' });
    for (const move of [
      { to: 'matched', offerId: 'offer-8' },
      { to: 'delivered' },
      { to: 'withdrawn' },
    ] as const)
      expect(moveNeed(withdrawn, move)).toMatchObject({ allowed: false, reason: 'already_withdrawn' });
  });

  it('says which buttons would work for each status', () => {
    const moves = ['matched', 'delivered', 'withdrawn'] as const;
    const allowedFrom = (status: 'open' | 'matched' | 'delivered' | 'withdrawn') =>
      moves.filter((to) => canMoveNeed(aNeed({ status, matchedOfferId: 'offer-7' }), to));
    expect(allowedFrom('open')).toEqual(['matched', 'withdrawn']);
    expect(allowedFrom('matched')).toEqual(['delivered', 'withdrawn']);
    expect(allowedFrom('delivered')).toEqual([]);
    expect(allowedFrom('withdrawn')).toEqual([]);
  });
});

describe('withdrawing an offer', () => {
  it('withdraws an open offer', () => {
    expect(withdrawOffer(anOffer())).toEqual({ allowed: true, offer: anOffer({ status: 'withdrawn' }) });
  });

  it('refuses to withdraw an offer twice', () => {
    expect(withdrawOffer(anOffer({ status: 'withdrawn' }))).toMatchObject({ allowed: false });
  });
});
