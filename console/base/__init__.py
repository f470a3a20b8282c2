"""What every area uses: the acting operator, the journal, optimistic editing, listing, errors,
translation, labels, identifiers, domains, table files and export. Imports no area."""
