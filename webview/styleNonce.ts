// Monaco writes its theme and decoration rules into <style> elements it creates at run
// time, and has no option to give them a nonce. The CSP only lets <style> elements with
// the page's nonce apply (no 'unsafe-inline' for style elements), so every <style> created
// in this document gets the nonce of the script that loaded us. This module must run
// before Monaco is imported: main.ts imports it first.

const nonce = document.currentScript?.nonce ?? '';

if (nonce) {
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function createElement(this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    const element = create.call(this, tagName, options);
    if (tagName.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
    return element;
  } as typeof Document.prototype.createElement;
}

export const styleNonce = nonce;
