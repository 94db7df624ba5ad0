// One Intl.DateTimeFormat per locale and options, kept: building one costs about a tenth of a millisecond, and a
// status message built a dozen (months, days, the year's bounds, time-zone offsets) for each member who asked.
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
