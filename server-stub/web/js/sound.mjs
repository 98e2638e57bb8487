// A soft two-note chime for a new message, made with WebAudio on the device (no file is fetched).
// Browsers allow audio only after the visitor interacted with the page; before that it stays silent.
let context = null;

export function unlockSound() {
    if (context || typeof AudioContext === 'undefined')
        return;
    try {
        context = new AudioContext();
    } catch {
        context = null;
    }
}

export function chime() {
    if (!context)
        return false;
    if (context.state === 'suspended')
        context.resume().catch(() => {});
    const start = context.currentTime + 0.01;
    [659.25, 880].forEach((frequency, i) => {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        const at = start + i * 0.16;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.45);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.5);
    });
    return true;
}
