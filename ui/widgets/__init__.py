"""Touch widgets: big debounced buttons, keypads, entry boxes, overlays, kinetic scrolling."""
