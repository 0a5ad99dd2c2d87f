import type { z } from 'zod';
import { adminCalls } from './admin';
import { appCalls } from './app';
import { certificateCalls } from './certificate';
import { libraryCalls } from './library';
import { profileCalls } from './profiles';
import { quizCalls } from './quiz';
import { recordCalls } from './records';
import { studyCalls } from './study';
import { venueCalls } from './venue';
import { watchCalls } from './watch';

/** The whole API: every call the renderer can make, declared once, used by both transports. */
export const contract = {
  ...appCalls,
  ...profileCalls,
  ...studyCalls,
  ...libraryCalls,
  ...quizCalls,
  ...recordCalls,
  ...venueCalls,
  ...adminCalls,
  ...watchCalls,
  ...certificateCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];
export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
