// The JSON API of server-stub/API.md, from the page's own origin only.
export class ApiError extends Error {
    constructor(status, body, retryAfter) {
        const error = (body && body.error) || {};
        super(error.message || `HTTP ${status}`);
        this.status = status;
        this.code = error.code || (status === 0 ? 'network' : 'unknown');
        this.fields = error.fields || {};
        this.nearestSlots = Array.isArray(error.nearestSlots) ? error.nearestSlots : [];
        this.retryAfter = retryAfter;
        this.maxBytes = Number.isSafeInteger(error.maxBytes) ? error.maxBytes : 0;
    }
}

export async function request(method, path, { body, token, accept = 'application/json' } = {}) {
    const headers = { Accept: accept };
    if (body !== undefined)
        headers['Content-Type'] = 'application/json';
    if (token)
        headers.Authorization = `Bearer ${token}`;
    let response;
    try {
        response = await fetch(path, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            credentials: 'omit',
            cache: 'no-store',
            referrerPolicy: 'no-referrer',
        });
    } catch {
        throw new ApiError(0, null, null);
    }
    if (accept !== 'application/json' && response.ok)
        return response.blob();
    let parsed = null;
    try {
        parsed = await response.json();
    } catch {
        parsed = null;
    }
    if (!response.ok)
        throw new ApiError(response.status, parsed, response.headers.get('Retry-After'));
    return parsed;
}

export function newId() {
    return crypto.randomUUID();
}
