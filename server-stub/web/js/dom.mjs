// Small DOM helpers: elements without innerHTML (so no markup from data ever runs), focus handling.
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false)
            continue;
        if (name.startsWith('on') && typeof value === 'function')
            element.addEventListener(name.slice(2), value);
        else if (name === 'class')
            element.className = value;
        else if (name === 'text')
            element.textContent = value;
        else
            element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false)
            continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function replaceChildren(element, ...children) {
    element.replaceChildren();
    append(element, children);
}

// Moves focus to a heading or region that is not normally focusable (screen readers announce it).
export function focusElement(element) {
    if (!element)
        return;
    if (element.tabIndex < 0 && !element.hasAttribute('tabindex'))
        element.setAttribute('tabindex', '-1');
    element.focus();
}

// The text of one field's error next to the field, linked with aria-describedby.
export function setFieldError(input, message) {
    const errorId = `${input.id}-error`;
    const error = document.getElementById(errorId);
    const hintId = input.dataset.hint || '';
    if (message) {
        error.textContent = message;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${errorId} ${hintId}`.trim());
    } else {
        error.textContent = '';
        error.hidden = true;
        input.removeAttribute('aria-invalid');
        if (hintId)
            input.setAttribute('aria-describedby', hintId);
        else
            input.removeAttribute('aria-describedby');
    }
}
