// Field rules of the booking and contact forms (the server checks them again). Each returns an
// i18n key of the problem, or '' when the value is fine.
const controlChars = /[\u0000-\u001f\u007f]/;

function text(value, { required, max, min = 1, multiline = false }) {
    const v = value.trim();
    if (!v)
        return required ? 'error.required' : '';
    if (v.length < min)
        return 'error.tooShort';
    if (v.length > max)
        return 'error.tooLong';
    if (!multiline && controlChars.test(v))
        return 'error.invalidChars';
    return '';
}

export const rules = {
    firstName: (v) => text(v, { required: true, max: 100 }),
    lastName: (v) => text(v, { required: true, max: 100 }),
    email: (v) => {
        const problem = text(v, { required: true, max: 254 });
        if (problem)
            return problem;
        return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v.trim()) ? '' : 'error.email';
    },
    phone: (v) => {
        const problem = text(v, { required: true, max: 40 });
        if (problem)
            return problem;
        const digits = v.replace(/\D/g, '').length;
        return /^\+?[0-9 ()/.-]+$/.test(v.trim()) && digits >= 6 && digits <= 20 ? '' : 'error.phone';
    },
    address: (v) => text(v, { required: true, min: 5, max: 300, multiline: true }),
    message: (v) => text(v, { required: false, max: 4000, multiline: true }),
    messageRequired: (v) => text(v, { required: true, max: 4000, multiline: true }),
};
