import { useId, type ReactNode } from 'react';

interface SectionProps {
  title: string;
  /** Used for the CSS class (cd-section--<name>) and tests. */
  name: string;
  children: ReactNode;
}

/** One titled part of the detail view: a <section> labelled by its <h3>. */
export function Section({ title, name, children }: SectionProps) {
  const id = useId();
  return (
    <section className={`cd-section cd-section--${name}`} aria-labelledby={id}>
      <h3 id={id} className="cd-section__title">
        {title}
      </h3>
      {children}
    </section>
  );
}
