// The library only carries the compiled translations as resources (:/i18n).
