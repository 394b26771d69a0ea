module.exports = {
  displayName: 'serialize',
  preset: '../../jest.preset.js',
};
