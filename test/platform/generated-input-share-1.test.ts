// Generated input to a quarter of the write routes (every fourth, from the first); three other files take
// the rest, so that the work spreads over the test workers and each file ends well within its time.
import { describeGeneratedWrites } from './generated-input.js';

describeGeneratedWrites({ index: 0, of: 4 });
