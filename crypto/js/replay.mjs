// Replay window (FORMAT.md section 5): per (epoch, sender key id), the highest sequence accepted
// and a 1024-bit window of the sequences just below it.
import { bytesArg, toHex, u32Arg, u64Arg } from './bytes.mjs';
import { fail } from './errors.mjs';

export const ReplayWindow = 1024n;
const windowMask = (1n << ReplayWindow) - 1n;

function slot(epoch, senderId) {
    return `${u32Arg(epoch)}:${toHex(bytesArg(senderId, 'InvalidLength', 'senderId'))}`;
}

export class ReplayGuard {
    #windows = new Map(); // slot -> { highest: BigInt, seen: BigInt (bit k = highest - k accepted) }

    // Throws Replayed or OutOfOrder; changes nothing.
    check(epoch, senderId, sequence) {
        const seq = u64Arg(sequence);
        const w = this.#windows.get(slot(epoch, senderId));
        if (w === undefined || seq > w.highest)
            return;
        const age = w.highest - seq;
        if (age >= ReplayWindow)
            fail('OutOfOrder', 'sequence below the replay window');
        if ((w.seen >> age) & 1n)
            fail('Replayed', 'sequence seen before');
    }

    // Records an authenticated sequence.
    accept(epoch, senderId, sequence) {
        const seq = u64Arg(sequence);
        const key = slot(epoch, senderId);
        const w = this.#windows.get(key);
        if (w === undefined) {
            this.#windows.set(key, { highest: seq, seen: 1n });
            return;
        }
        if (seq > w.highest) {
            const shift = seq - w.highest;
            w.seen = shift >= ReplayWindow ? 0n : (w.seen << shift) & windowMask;
            w.highest = seq;
            w.seen |= 1n;
            return;
        }
        const age = w.highest - seq;
        if (age < ReplayWindow)
            w.seen |= 1n << age;
    }

    forgetEpoch(epoch) {
        const prefix = `${u32Arg(epoch)}:`;
        for (const key of [...this.#windows.keys()]) {
            if (key.startsWith(prefix))
                this.#windows.delete(key);
        }
    }
}
