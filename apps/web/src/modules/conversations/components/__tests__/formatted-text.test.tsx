import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormattedText } from '../formatted-text.js';

describe('FormattedText', () => {
  it('renders *bold* as <strong>, _italic_ as <em>, ~strike~ as <s>, ```mono``` as <code>', () => {
    const { container } = render(<FormattedText text={'*bold* _it_ ~gone~ ```mono```'} />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('it');
    expect(container.querySelector('s')?.textContent).toBe('gone');
    expect(container.querySelector('code')?.textContent).toBe('mono');
  });

  it('keeps <img src=x onerror=alert(1)> as text: no element is created from it', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { container } = render(<FormattedText text={payload} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(payload);
  });

  it('keeps markup inside formatting as text too', () => {
    const { container } = render(<FormattedText text={'*<script>alert(1)</script>* _<b>x</b>_'} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('<script>alert(1)</script>');
  });

  it('links http(s) URLs safely and leaves javascript: as text', () => {
    const { container } = render(<FormattedText text={'https://valeo.example/x javascript:alert(1)'} />);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://valeo.example/x');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(container.textContent).toContain('javascript:alert(1)');
  });
});
