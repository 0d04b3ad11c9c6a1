/**
 * The ids the field components give hints, errors and character counts, and the ids of the
 * templates the browser script clones. Plain functions, no React: the browser script uses them too.
 */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (question: string) => `${question}-error`;
export const countId = (id: string) => `${id}-info`;

/** Server-rendered `<template>`s of the error components, which the browser script fills in. */
export const TEMPLATE_ID = {
  errorMessage: 'error-message-template',
  errorSummary: 'error-summary-template',
  errorSummaryItem: 'error-summary-item-template',
} as const;
