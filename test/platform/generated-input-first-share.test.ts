// Generated input to the first half of the write routes (every other one); the second file takes the rest.
import { describeGeneratedWrites } from './generated-input.js';

describeGeneratedWrites({ index: 0, of: 2 });
