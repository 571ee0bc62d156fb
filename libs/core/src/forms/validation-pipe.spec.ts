import { IsString } from 'class-validator';
import { createValidationPipe, UnreadableBodyError } from './validation-pipe';
import { InvalidInputError } from './invalid-input.error';

class NoteDto {
  @IsString()
  note!: string;
}

const asBody = { type: 'body' as const, metatype: NoteDto };

describe('createValidationPipe', () => {
  it('answers a body validation cannot walk with a 400, not a crash', async () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 20_000; level++) {
      deep = [deep];
    }
    await expect(createValidationPipe().transform({ note: deep }, asBody)).rejects.toBeInstanceOf(UnreadableBodyError);
  });

  it('still names each refused field of an ordinary body', async () => {
    await expect(createValidationPipe().transform({ note: 3 }, asBody)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
