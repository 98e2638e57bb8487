// The privacy policy /privacy/{slug}: the platform's rules in the visitor's language, with the
// organisation (the controller) and the policy version the booking page sends.
import { request } from './api.mjs';
import { h, replaceChildren } from './dom.mjs';
import { languageSwitch, loadLanguage, pickLanguage, t } from './i18n.mjs';

const slug = decodeURIComponent(location.pathname.split('/')[2] || '');
const view = document.getElementById('view');
let org = null;

function render() {
    replaceChildren(document.getElementById('top'), h('p', { class: 'brand', text: org ? org.organisation.name : 'Lotse' }),
                    languageSwitch(render));
    document.getElementById('skip').textContent = t('skip');
    document.title = t('privacy.title');
    const sections = ['controller', 'sealed', 'clear', 'retention', 'rights', 'noTracking'];
    replaceChildren(view, h('h1', { text: t('privacy.title') }),
                    org ? h('p', { class: 'note', id: 'policy-version', text: t('privacy.version', { version: `\u2068${org.privacyPolicy.version}\u2069` }) }) : null,
                    sections.map((s) => [h('h2', { text: t(`privacy.${s}.title`) }),
                                         h('p', { text: t(`privacy.${s}.text`, { organisation: org ? org.organisation.name : '' }) })]));
}

async function start() {
    await loadLanguage(pickLanguage());
    try {
        org = await request('GET', `/api/v1/public/orgs/${encodeURIComponent(slug)}`);
    } catch {
        org = null;
    }
    render();
}

start();
