"""Operations of a running installation: backup and restore, retention."""
