/** Why a look inside the network could not be taken, as a sentence (Text) rather than a stack. */
import { english, type Text } from '../i18n/text.ts';

export class InspectFailure extends Error {
  constructor(readonly text: Text) {
    super(english(text));
  }
}
