/**
 * The interface languages a user can choose and have saved on their account: English, Serbian in
 * Latin script and Serbian in Cyrillic script.
 */
export const INTERFACE_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** True for one of the interface languages. */
export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}
