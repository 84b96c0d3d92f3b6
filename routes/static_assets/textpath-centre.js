/* Reported Routes: centre leaflet-textpath labels ("center" option) with SVG's own
 * startOffset="50%" and text-anchor="middle" instead of measuring the text and the path,
 * which forces a layout per line on every redraw (seconds on a map with hundreds of legs).
 * The label sits at the same place: the middle of the path's length. */
(function () {
    var setText = L.Polyline.prototype.setText;
    if (!setText) {
        return;
    }
    L.Polyline.prototype.setText = function (text, options) {
        if (!text || !options || !options.center) {
            return setText.call(this, text, options);
        }
        setText.call(this, text, L.Util.extend({}, options, {center: false}));
        this._textOptions = options;
        if (this._textNode) {
            this._textNode.setAttribute("text-anchor", "middle");
            this._textNode.firstChild.setAttribute("startOffset", "50%");
        }
        return this;
    };
})();
