import { OneOf } from './dto-decorators';

/**
 * The body of a consequential action's POST: the box "I confirm" ticked on its confirmation page.
 * Without it the ValidationPipe refuses the action and `@FormPage('confirm', …)` shows the page again
 * (422) with the message beside the box, so nothing happens by a stray click, a replayed form or a
 * script that skips the page; no JavaScript is needed.
 */
export class ConfirmDto {
  @OneOf(['yes'], 'Please tick “I confirm” first.')
  confirm!: string;
}

/** What a confirmation page says: what will happen, how to undo it, and where each choice leads. */
export interface Confirmation {
  /** The page's title and heading: the action as a question ("Close this survey?"). */
  heading: string;
  /** What the action is done to, shown under the heading (a survey's or report's title). */
  subject?: string;
  /** What happens, in the words of the person who does it. */
  consequences: string[];
  /** How to undo it, or that it cannot be undone. */
  undo: string;
  /** Where the form posts. */
  action: string;
  /** The button's words ("Close the survey"). */
  button: string;
  /** Where "Cancel" leads (the page the action started from). */
  cancel: string;
  /** A red button, for actions that take something away. */
  danger?: boolean;
}

/**
 * The model of core's `confirm.njk`, the one confirmation step of the site: a page of its own
 * (reached by a link from the action's button) with the consequences, how to undo, a required tick
 * and the button. A feature's page-model method returns this for its GET and its `@FormPage`. Pure.
 */
export function confirmationPage(confirmation: Confirmation) {
  return { title: confirmation.heading, confirmation, values: {}, errors: {} };
}
