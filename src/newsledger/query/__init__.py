"""The questions users ask of a store: plain functions returning records or rows."""
