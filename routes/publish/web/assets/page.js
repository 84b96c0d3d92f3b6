/* Reported Routes: the map page on every screen (routes/publish/web/page.py).
 * rrPage(map, options) wires up
 *  - the key: a button that opens and closes it on narrow screens (map.css hides it there);
 *  - popups as a bottom sheet on narrow or short screens (the popup moved out of the panned
 *    map pane into the map's own box, where CSS pins it to the bottom), no auto-pan there;
 *  - Escape closes the open popup wherever the focus is;
 *  - story mode: Previous/Next (and the left/right arrow keys) step through the stops in
 *    order, each step zooming to the stop and opening its quotes;
 *  - name labels that would overlap: of two, the one of the stop ranked first (rrRank: the
 *    journey's ends, then its borders, then the stops on the way) stays, the other hides
 *    until the zoom leaves them room or its marker is hovered.
 * options: {narrow: media query, storyZoom: zoom of a story step}.  Every text shown comes
 * from the page itself or is set with textContent. */
function rrPage(map, options) {
    var narrow = window.matchMedia(options.narrow);
    var container = map.getContainer();

    function keyToggle() {
        var legend = container.querySelector(".rr-legend");
        var button = legend && legend.querySelector(".rr-key-toggle");
        if (!button) {
            return;
        }
        L.DomEvent.on(button, "click", function () {
            var open = !legend.classList.contains("rr-open");
            legend.classList.toggle("rr-open", open);
            button.setAttribute("aria-expanded", open ? "true" : "false");
        });
    }

    function sheet() {
        function autoPan() {
            L.Popup.prototype.options.autoPan = !narrow.matches;
        }
        autoPan();
        narrow.addEventListener("change", autoPan);
        map.on("popupopen", function (event) {
            var element = event.popup.getElement();
            if (narrow.matches && element) {
                element.classList.add("rr-sheet");
                container.appendChild(element);
                /* the place in the middle of what the sheet leaves visible, and the map
                 * put back where it was when the sheet closes (at the same zoom) */
                var at = map.latLngToContainerPoint(event.popup.getLatLng());
                var free = container.clientHeight - element.offsetHeight;
                var shift = [at.x - container.clientWidth / 2, at.y - Math.max(free, 0) / 2];
                var zoom = map.getZoom();
                map.panBy(shift, {animate: false});
                event.popup.once("remove", function () {
                    if (map.getZoom() === zoom) {
                        map.panBy([-shift[0], -shift[1]], {animate: false});
                    }
                });
            }
        });
    }

    function escapeKey() {
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && map._popup) {
                map.closePopup();
            }
        });
    }

    function story() {
        var stops = [];
        map.eachLayer(function (layer) {
            if (layer.options && layer.options.rrStop) {
                stops.push(layer);
            }
        });
        if (!stops.length) {
            return;
        }
        stops.sort(function (a, b) { return a.options.rrStop - b.options.rrStop; });
        var current = -1;
        var control = L.control({position: "topleft"});
        var label, previous, next;
        control.onAdd = function () {
            var box = L.DomUtil.create("div", "rr-story leaflet-bar");
            box.setAttribute("role", "group");
            box.setAttribute("aria-label", "Story: step through the stops");
            previous = L.DomUtil.create("button", "rr-story-prev", box);
            next = L.DomUtil.create("button", "rr-story-next", box);
            label = L.DomUtil.create("div", "rr-story-label", box);
            [[previous, "\u25c0", "Previous stop"], [next, "\u25b6", "Next stop"]].forEach(
                function (spec) {
                    spec[0].type = "button";
                    spec[0].textContent = spec[1];
                    spec[0].title = spec[2];
                    spec[0].setAttribute("aria-label", spec[2]);
                }
            );
            label.setAttribute("aria-live", "polite");
            label.textContent = "Story: " + stops.length + " stops";
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.on(previous, "click", function () { step(-1); });
            L.DomEvent.on(next, "click", function () { step(1); });
            return box;
        };
        control.addTo(map);

        function step(by) {
            current = Math.min(Math.max(current + by, 0), stops.length - 1);
            var marker = stops[current];
            label.textContent = "Stop " + (current + 1) + " of " + stops.length + " \u00b7 "
                + marker.options.rrName;
            container.dataset.storyStop = String(marker.options.rrStop);
            previous.disabled = current === 0;
            next.disabled = current === stops.length - 1;
            map.closePopup();
            /* Without animation: the view is at the stop when setView returns (it also stops
             * any pan still running), so the popup opens there and pans itself into view. */
            map.setView(marker.getLatLng(), Math.max(map.getZoom(), options.storyZoom),
                {animate: false});
            marker.openPopup();
        }
        document.addEventListener("keydown", function (event) {
            var target = event.target;
            var typing = target && (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)
                || target.isContentEditable);
            if (typing || event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                event.stopPropagation();  /* step instead of Leaflet's keyboard pan */
                event.preventDefault();
                step(event.key === "ArrowRight" ? 1 : -1);
            }
        }, true);
    }

    function declutter() {
        var labelled = [];
        map.eachLayer(function (layer) {
            var tip = layer.getTooltip && layer.getTooltip();
            if (layer.options && layer.options.rrStop && tip && tip.options.permanent) {
                labelled.push(layer);
            }
        });
        labelled.sort(function (a, b) { return a.options.rrRank - b.options.rrRank; });

        function clashes(box, kept) {
            return kept.some(function (other) {
                return box.left < other.right && other.left < box.right
                    && box.top < other.bottom && other.top < box.bottom;
            });
        }

        /* A label runs right of its marker; one that would run past the map's right edge
         * (a phone's narrow screen) is put on the marker's left instead, when it fits there. */
        function side(layer) {
            var tip = layer.getTooltip();
            var element = tip.getElement();
            if (!tip.options.rrRight) {
                tip.options.rrRight = tip.options.offset;
            }
            var right = tip.options.rrRight;
            tip.options.direction = "right";
            tip.options.offset = right;
            tip.update();
            var frame = container.getBoundingClientRect();
            var box = element.getBoundingClientRect();
            if (box.right > frame.right && frame.left <= box.left - box.width - 2 * right[0]) {
                tip.options.direction = "left";
                tip.options.offset = [-right[0], right[1]];
                tip.update();
                box = element.getBoundingClientRect();
            }
            return box;
        }

        function place() {
            var kept = [];
            labelled.forEach(function (layer) {
                var element = layer.getTooltip().getElement();
                if (!element || !element.isConnected) {
                    return;
                }
                element.classList.remove("rr-label-hidden");
                var box = side(layer);
                if (box.width && clashes(box, kept)) {
                    element.classList.add("rr-label-hidden");
                } else {
                    kept.push(box);
                }
            });
            container.dataset.labelsPlaced = String(Number(container.dataset.labelsPlaced || 0) + 1);
        }

        labelled.forEach(function (layer) {
            layer.on("mouseover", function () {
                var element = layer.getTooltip().getElement();
                if (element) {
                    element.classList.remove("rr-label-hidden");
                }
            });
            layer.on("mouseout", place);
        });
        map.on("zoomend overlayadd overlayremove resize", place);
        place();
    }

    keyToggle();
    sheet();
    escapeKey();
    story();
    declutter();
}
