// Generated input to the second half of the write routes (every other one); the first file takes the rest.
import { describeGeneratedWrites } from './generated-input.js';

describeGeneratedWrites({ index: 1, of: 2 });
