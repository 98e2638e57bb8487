// The ALTCHA proof-of-work field of the booking and talk pages (the widget module loads only when a
// form needs it), labelled in the page's language.
import { h } from './dom.mjs';
import { t } from './i18n.mjs';

let loaded = null;
export function loadAltcha() {
    if (!loaded) {
        document.head.append(h('link', { rel: 'stylesheet', href: new URL('../../npm/altcha/altcha.css', import.meta.url).href }));
        loaded = import('altcha');
    }
    return loaded;
}

export function altchaField() {
    const strings = {
        label: t('altcha.label'), verifying: t('altcha.verifying'), verified: t('altcha.verified'),
        error: t('altcha.error'), expired: t('altcha.expired'), waitAlert: t('altcha.wait'),
        verificationRequired: t('altcha.required'), ariaLinkLabel: t('altcha.label'), footer: '', logo: '',
    };
    const widget = h('altcha-widget', { challengeurl: '/api/v1/public/altcha', name: 'altcha', hidefooter: true,
                                         hidelogo: true, strings: JSON.stringify(strings), id: 'f-altcha' });
    widget.addEventListener('statechange', (event) => {
        if (event.detail && event.detail.state === 'verified')
            document.getElementById('f-altcha-error').hidden = true;
    });
    return h('div', { class: 'field' }, h('p', { class: 'hint', id: 'f-altcha-hint', text: t('altcha.hint') }), widget,
             h('p', { id: 'f-altcha-error', class: 'error', hidden: true }));
}

export function resetAltcha(form) {
    const widget = form.querySelector('altcha-widget');
    if (widget && typeof widget.reset === 'function')
        widget.reset();
}
